namespace HyperMM.Core.Strategy;

/// <summary>
/// Live tick-to-order times of a strategy loop, in milliseconds: from the loop reading the book event that led to a
/// requote to the requote's first action being handed to the exchange port (signing and the socket write are in the
/// port; docs/PERFORMANCE.md measures that whole path offline). Over the last <see cref="Samples"/> requotes.
/// </summary>
public readonly record struct TickToOrder(double LastMs, double P50Ms, double P99Ms, int Samples);
