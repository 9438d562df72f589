using HyperMM.Core.Instruments;

namespace HyperMM.Cli.Doctor;

/// <summary>A listed perp as the venue's <c>meta</c> and <c>allMids</c> describe it.</summary>
public sealed record DoctorMarket(InstrumentSpec Instrument, decimal? Mid);
