import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode; region: string; onReset?: () => void };
type State = { error: Error | null };

/** Keeps a failing region from blanking the page: it says what failed and offers Retry. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Dateline: the ${this.props.region} failed`, error, info.componentStack);
  }

  private readonly retry = () => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="notice notice-error">
        <p>
          <strong>The {this.props.region} could not be shown.</strong> {this.state.error.message}
        </p>
        <button type="button" className="button" onClick={this.retry}>
          Retry
        </button>
      </div>
    );
  }
}
