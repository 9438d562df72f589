namespace HyperMM.Simulation.Matching;

/// <summary>Account orders resting at one price, in time order.</summary>
internal sealed class PriceLevel(decimal price)
{
    public decimal Price { get; } = price;

    public List<SimOrder> Orders { get; } = [];

    public void Deconstruct(out decimal price, out List<SimOrder> orders)
    {
        price = Price;
        orders = Orders;
    }
}
