namespace HyperMM.Simulation.Market;

public enum MarketEventKind
{
    Book = 0,
    Trade = 1,
}
