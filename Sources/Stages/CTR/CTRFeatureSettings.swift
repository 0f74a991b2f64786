/// The settings of the CTR feature computation. The stage takes them from its params and saves them
/// in the model's metadata, so ``CTRScorer`` computes exactly the features the model was fitted on.
struct CTRFeatureSettings: Sendable, Equatable {
    /// Behaviours of the user's history looked at (the latest ones before the exposure).
    var history = 32
    /// Half-life of the recency weights, hours.
    var halfLifeHours = 24.0
    /// Half-life of the "current session" weights, minutes.
    var shortHalfLifeMinutes = 60.0
    /// Pseudo-impressions of the CTR smoothing (the base rate's weight).
    var ctrPrior = 20.0
    /// Earlier days the popularity features look back over.
    var popularityDays = 7
    /// Weight of a day d + 1 days before the row's day: decay^d.
    var popularityDecay = 0.8

    /// The defaults.
    init() {}

    /// The settings as model metadata.
    var metadata: [String: Double] {
        [
            "history": Double(history), "half_life_hours": halfLifeHours, "short_half_life_minutes": shortHalfLifeMinutes,
            "ctr_prior": ctrPrior, "popularity_days": Double(popularityDays), "popularity_decay": popularityDecay,
        ]
    }

    /// The settings saved in a model's metadata; `source` names the model file in errors.
    init(metadata: [String: Double], source: String) throws {
        func value(_ key: String) throws -> Double {
            guard let v = metadata[key], v.isFinite else {
                throw StageError(.badInput, "the click model '\(source)' has no metadata \"\(key)\"; it was not written by the ctr stage of this build: rerun it")
            }
            return v
        }
        history = Int(try value("history"))
        halfLifeHours = try value("half_life_hours")
        shortHalfLifeMinutes = try value("short_half_life_minutes")
        ctrPrior = try value("ctr_prior")
        popularityDays = Int(try value("popularity_days"))
        popularityDecay = try value("popularity_decay")
    }
}
