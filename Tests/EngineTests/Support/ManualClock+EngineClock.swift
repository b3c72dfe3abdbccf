import Engine
import TestSupport

/// The test clock serves as the engine's clock: its methods already have the seam's shape.
extension ManualClock: EngineClock {}
