/**
 * An error boundary for the popup's list: when a saved record cannot be rendered (a damaged backup once
 * made every open of the popup blank), the rest of the popup — Export, Backup, the toasts — keeps working,
 * and the list area says what happened and offers to try again. React only catches render errors in a
 * class component, hence the one class in this folder.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Props of `ErrorBoundary`. */
export interface ErrorBoundaryProps {
  children: ReactNode;
  /** When this value changes (new data), the boundary tries its children again. */
  resetKey?: unknown;
  /** What to show instead (default: a notice with "Try again"); `retry` renders the children again. */
  fallback?: (error: Error, retry: () => void) => ReactNode;
  /** For tests and logging: called with each caught error. */
  onError?: (error: Error, info: ErrorInfo) => void;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/** Renders its children, or a short notice with "Try again" when they throw while rendering. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    // new data may not hold the bad record any more: render it afresh
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return (
      <div className="empty" role="alert" data-testid="list-error">
        <p>
          The list could not be shown ({this.state.error.message || 'unknown error'}). Your data is untouched: Export
          and Backup above still work.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
