/// Placeholder until the lookup tables land (export issue).
enum LookupFormatPlaceholder {}
