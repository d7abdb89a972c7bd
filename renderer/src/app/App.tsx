export function App() {
  return (
    <div className="app">
      <div role="banner" className="exercise-banner">
        EXERCISE — EXERCISE — EXERCISE
      </div>
      <main>
        <h1>Truceline</h1>
      </main>
    </div>
  );
}
