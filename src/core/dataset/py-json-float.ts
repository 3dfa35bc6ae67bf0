// Formats a double the way Python's json.dumps does (float repr), so written lines match the official files.

/** Python's `json.dumps(x)` for a float: "1.0", "0.25", "1e-05", "1e+16", "Infinity", "NaN". */
export function pyJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';

  // toExponential() without an argument gives the shortest round-tripping digits, like repr.
  const [mantissa = '', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');

  // repr switches to exponent notation when the decimal exponent is below -4 or at least 16.
  if (exp < -4 || exp >= 16) {
    const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exp)).padStart(2, '0');
    return `${sign}${head}e${exp < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fraction = digits.slice(exp + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}
