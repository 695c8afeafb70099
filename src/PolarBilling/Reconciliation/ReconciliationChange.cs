namespace PolarBilling.Reconciliation;

/// <summary>One row reconciliation wrote because it was missing or older than Polar's data.</summary>
/// <param name="Table">The kind of row: <c>customer</c>, <c>subscription</c> or <c>order</c>.</param>
/// <param name="Id">The Polar id.</param>
/// <param name="WasMissing">Whether the row did not exist (else it held older data).</param>
public sealed record ReconciliationChange(string Table, string Id, bool WasMissing);
