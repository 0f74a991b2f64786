// Vectorised helpers shared by the non-GEMM kernels: loads/stores, exp and tanh on SIMD8<Float>,
// dot products and reductions. Lengths need not be multiples of 8 (a scalar tail handles the rest).

typealias Vector = SIMD8<Float>
let vectorWidth = 8

@inline(__always)
func load(_ pointer: UnsafePointer<Float>) -> Vector {
    UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
}

@inline(__always)
func load(_ pointer: UnsafeMutablePointer<Float>) -> Vector {
    UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
}

@inline(__always)
func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
}

/// `exp` on eight lanes: Cephes `expf` (range reduction by ln 2, degree-6 polynomial), relative error
/// about 2e-7 over the clamped range [-87.3, 88.3]; below it the result is the smallest normal, not 0.
@inline(__always)
func vectorExp(_ input: Vector) -> Vector {
    // Clamp with blends: the generic `clamped`/`pointwiseMax` run lane by lane.
    let low = Vector(repeating: -87.3), high = Vector(repeating: 88.3)
    var x = input.replacing(with: low, where: input .< low)
    x = x.replacing(with: high, where: x .> high)
    // n = round(x / ln 2) by the 1.5·2^23 trick: adding it leaves n in the low mantissa bits (pure
    // SIMD; Swift's generic SIMD rounding and Int32 conversion run lane by lane).
    let magic = Vector(repeating: 12_582_912)
    let shifted = x * 1.44269504088896341 + magic
    let n = shifted - magic
    x = x - n * 0.693359375
    x = x - n * -2.12194440e-4
    var y = Vector(repeating: 1.9875691500e-4)
    y = y * x + 1.3981999507e-3
    y = y * x + 8.3334519073e-3
    y = y * x + 4.1665795894e-2
    y = y * x + 1.6666665459e-1
    y = y * x + 5.0000001201e-1
    y = y * x * x + x + 1
    let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
    let exponent = (integer &+ 127) &<< 23
    return y * unsafeBitCast(exponent, to: Vector.self)
}

/// Scalar `exp` with the same polynomial as `vectorExp`, so tails of rows round like their bodies.
@inline(__always)
func scalarExp(_ x: Float) -> Float {
    vectorExp(Vector(repeating: x))[0]
}

/// `tanh(u) = 1 − 2 / (exp(2u) + 1)` on eight lanes (absolute error about 2e-7).
@inline(__always)
func vectorTanh(_ u: Vector) -> Vector {
    1 - 2 / (vectorExp(2 * u) + 1)
}

/// `Σ a[i]·b[i]` over `count` floats (eight partial sums, then the tail).
@inline(__always)
func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
    var accumulator = Vector()
    var i = 0
    while i + vectorWidth <= count {
        accumulator += load(a + i) * load(b + i)
        i += vectorWidth
    }
    var total = accumulator.sum()
    while i < count {
        total += a[i] * b[i]
        i += 1
    }
    return total
}

/// `y[i] += alpha·x[i]` over `count` floats.
@inline(__always)
func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ count: Int) {
    let a = Vector(repeating: alpha)
    var i = 0
    while i + vectorWidth <= count {
        store(load(y + i) + a * load(x + i), y + i)
        i += vectorWidth
    }
    while i < count {
        y[i] += alpha * x[i]
        i += 1
    }
}

/// `Σ x[i]` over `count` floats.
@inline(__always)
func sum(_ x: UnsafePointer<Float>, _ count: Int) -> Float {
    var accumulator = Vector()
    var i = 0
    while i + vectorWidth <= count {
        accumulator += load(x + i)
        i += vectorWidth
    }
    var total = accumulator.sum()
    while i < count {
        total += x[i]
        i += 1
    }
    return total
}

/// `max x[i]` over `count > 0` floats.
@inline(__always)
func maximum(_ x: UnsafePointer<Float>, _ count: Int) -> Float {
    var i = 0
    var best = -Float.infinity
    if count >= vectorWidth {
        var accumulator = load(x)
        i = vectorWidth
        while i + vectorWidth <= count {
            let value = load(x + i)
            accumulator = accumulator.replacing(with: value, where: value .> accumulator)
            i += vectorWidth
        }
        best = accumulator.max()
    }
    while i < count {
        best = Swift.max(best, x[i])
        i += 1
    }
    return best
}

/// Writes `exp(x[i] − shift)` into `out[i]` (may alias `x`) and returns their sum.
@inline(__always)
func expShifted(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ shift: Float, _ count: Int) -> Float {
    let s = Vector(repeating: shift)
    var accumulator = Vector()
    var i = 0
    while i + vectorWidth <= count {
        let e = vectorExp(load(x + i) - s)
        store(e, out + i)
        accumulator += e
        i += vectorWidth
    }
    var total = accumulator.sum()
    while i < count {
        let e = scalarExp(x[i] - shift)
        out[i] = e
        total += e
        i += 1
    }
    return total
}

/// `x[i] *= factor` over `count` floats.
@inline(__always)
func multiply(_ x: UnsafeMutablePointer<Float>, _ factor: Float, _ count: Int) {
    let f = Vector(repeating: factor)
    var i = 0
    while i + vectorWidth <= count {
        store(load(x + i) * f, x + i)
        i += vectorWidth
    }
    while i < count {
        x[i] *= factor
        i += 1
    }
}
