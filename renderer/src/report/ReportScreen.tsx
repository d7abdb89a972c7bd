export function ReportScreen() {
  return (
    <section>
      <h1>Report</h1>
    </section>
  );
}
