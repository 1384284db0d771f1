import CatchmentTables

// The types of the CSV layer that are part of this layer's public vocabulary, named here so
// that a caller (the CLI) writes what the analyses return without importing CatchmentTables:
// the analyses return their tables as `CSVWriter`s and take a `NumberFormat`; the run speaks on
// the standard streams. Each is the CSV layer's own type (a typealias, not a copy), so a value
// passes between the layers unchanged.

/// A table an analysis returns, staged for writing by ``RunOutputs``.
public typealias CSVWriter = CatchmentTables.CSVWriter

/// How tables write numbers: ``NumberFormat/readable`` by default, ``NumberFormat/full`` for
/// exact values.
public typealias NumberFormat = CatchmentTables.NumberFormat

/// Standard output and standard error written with checked writes; closed standard streams held
/// by `/dev/null` before a run opens any file (``StandardStreams/reserveClosedDescriptors()``).
public typealias StandardStreams = CatchmentTables.StandardStreams

/// Why an output cannot be written: its path and what is wrong with it.
public typealias OutputError = CatchmentTables.OutputError
