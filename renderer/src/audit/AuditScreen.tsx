export function AuditScreen() {
  return (
    <section>
      <h1>Audit</h1>
    </section>
  );
}
