/**
 * The typed messenger built on the contract: `sendMessage` / `onMessage` with payloads and replies checked
 * by TypeScript (see `ProtocolMap`).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './contract';

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
export * from './contract';
