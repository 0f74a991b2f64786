import Columnar

/// The profile columns of a session row (gender, age, city_tier).
struct ProfileColumns: Sendable {
    private var gender = ByteArrayColumn()
    private var age: [Int32] = []
    private var ageValid: [Bool] = []
    private var tier: [Int32] = []
    private var tierValid: [Bool] = []

    /// Appends one row.
    mutating func append(_ profile: SessionDimensions.Profile) {
        gender.append(profile.gender)
        age.append(profile.age ?? 0)
        ageValid.append(profile.age != nil)
        tier.append(profile.cityTier ?? 0)
        tierValid.append(profile.cityTier != nil)
    }

    /// The finished columns, in ``DatasetSchemas/profileFields`` order.
    var arrays: [ColumnArray] {
        [
            ColumnArray(values: .byteArray(gender)),
            ColumnArray(values: .int32(age), validity: ageValid.allSatisfy { $0 } ? nil : ageValid),
            ColumnArray(values: .int32(tier), validity: tierValid.allSatisfy { $0 } ? nil : tierValid),
        ]
    }
}
