// Python's round(x, ndigits) for floats, bit for bit: rounds the exact binary value of the double
// (so 2.675 -> 2.67, because the double is 2.67499999...), ties to even, then reads the decimal back.

/** Python raises OverflowError where the rounded value exceeds the double range; so do we. */
export class RoundingOverflowError extends RangeError {
  override readonly name = 'RoundingOverflowError';
}

// CPython's cut-offs in float___round___impl: beyond them the answer is x itself or a signed zero.
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

const bits = new DataView(new ArrayBuffer(8));

/** x = mantissa * 2^exponent exactly, for finite non-zero |x|. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 }; // subnormal
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** Equals Python's `round(x, ndigits)` for a float x (ndigits an integer, may be negative). */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isInteger(ndigits)) throw new TypeError(`pyRound: ndigits must be an integer, got ${ndigits}`);
  if (!Number.isFinite(x) || x === 0 || ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return x < 0 ? -0 : 0;

  const { mantissa, exponent } = decompose(Math.abs(x));
  // |x| * 10^ndigits as the exact fraction num/den.
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);

  let q = num / den;
  const twiceRest = 2n * (num - q * den);
  if (twiceRest > den || (twiceRest === den && (q & 1n) === 1n)) q += 1n;

  // A decimal literal converts with correct rounding, as CPython's strtod does.
  const magnitude = Number(`${q}e${-ndigits}`);
  if (!Number.isFinite(magnitude)) throw new RoundingOverflowError('rounded value too large to represent');
  return x < 0 ? -magnitude : magnitude;
}
