import CatchmentEngine
import CatchmentGeoIO
import CatchmentTables

// The readers' typed errors are part of this layer's public vocabulary: opening an input
// throws them as the reader raised them (a file, a line or feature, what is wrong), and a front
// end maps them to its own settings without importing the readers. Each is the reader's own
// type (a typealias, not a copy or a wrapper), so no message or payload changes on the way.
// The layer's own errors (``GeometryInputError``, ``SiteInputError``, …) carry them too.

/// A problem with an input table (CatchmentTables), located by file and line; a missing column
/// carries its role (``TableError/missingColumnRole``) for the front end to name its setting.
public typealias TableError = CatchmentTables.TableError

/// A problem reading a boundary or point file (CatchmentGeoIO), located by file and feature;
/// ``GeoIOError/remedy`` says what the caller can change (choose a GeoPackage layer).
public typealias GeoIOError = CatchmentGeoIO.GeoIOError

/// A PROJ call that failed (CatchmentEngine); ``PROJError/sourceCRSUnknown`` when the caller
/// should ask for a CRS to assume.
public typealias PROJError = CatchmentEngine.PROJError
