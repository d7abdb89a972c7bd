export function LibraryScreen() {
  return (
    <section>
      <h1>Library</h1>
    </section>
  );
}
