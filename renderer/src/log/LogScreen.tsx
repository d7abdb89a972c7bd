export function LogScreen() {
  return (
    <section>
      <h1>Log</h1>
    </section>
  );
}
