using NodaTime;

namespace AlisCompliance.Core.Tests.Rules;

public enum CustomerTier
{
    Standard,
    Gold,
}

public sealed record OrderLine(string Product, int Quantity, decimal Price, LocalDate Date)
{
    public decimal Amount => Quantity * Price;
}

public sealed record Order(string Number, LocalDate Date, CustomerTier Tier, IReadOnlyList<OrderLine> Lines)
{
    public decimal Total => Lines.Sum(line => line.Amount);

    public LocalDate? LastLineDate => Lines.Count == 0 ? null : Lines.Max(line => line.Date);

    public decimal TotalBetween(LocalDate from, LocalDate to) =>
        Lines.Where(line => line.Date >= from && line.Date <= to).Sum(line => line.Amount);

    public int Explode() => throw new InvalidOperationException($"boom in {Number}");
}

/// <summary>A public type the tests never allow, to check that merely being referenced grants nothing.</summary>
public static class NotAllowedHelper
{
    public static int Answer => 42;
}
