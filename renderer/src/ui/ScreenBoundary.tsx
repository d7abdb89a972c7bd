import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Keeps one failing screen from taking the shell (and its markings) down with it. */
export class ScreenBoundary extends Component<{ name: string; children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`Truceline: the ${this.props.name} screen failed`, error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="panel" role="alert">
          <h2>The {this.props.name} screen stopped working</h2>
          <p>
            Nothing in the exercise log was lost. The problem was:{' '}
            <code>{this.state.error.message}</code>
          </p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
