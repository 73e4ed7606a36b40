/**
 * The typed messenger built on the contract: `sendMessage` / `onMessage` with payloads and replies checked
 * by TypeScript (see `ProtocolMap`). Validation schemas live in `./contract`.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './contract';

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
// Types only: the zod schemas stay with the background (which validates), out of the content script's bundle.
export type * from './contract';
