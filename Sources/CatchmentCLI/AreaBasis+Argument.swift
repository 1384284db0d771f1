import ArgumentParser
import CatchmentAnalysis

/// `crosswalk --area-basis covered|zone`: a value that is neither is refused by the parser,
/// which names both (exit 64).
extension AreaBasis: ExpressibleByArgument {}
