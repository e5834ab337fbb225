/**
 * The interpreter of the instruction tape built by compile/program.ts: one monomorphic loop with a
 * dense switch over the opcodes, reading and writing one Float64Array. The case labels are the
 * literal values of `Op` and of the fused opcodes (compile/program.ts), so the switch compiles to a
 * jump table.
 */
import { STRIDE } from "../compile/program.ts";

/** Runs the instructions of `code` in [from, to) against memory `m`. */
export function runTape(code: Int32Array, from: number, to: number, m: Float64Array): void {
  for (let p = from; p < to; p += STRIDE) {
    const d = code[p + 1]!;
    const a = code[p + 2]!;
    switch (code[p]) {
      case 0: // mov
        m[d] = m[a]!;
        break;
      case 1: // neg
        m[d] = -m[a]!;
        break;
      case 2: // add
        m[d] = m[a]! + m[code[p + 3]!]!;
        break;
      case 3: // sub
        m[d] = m[a]! - m[code[p + 3]!]!;
        break;
      case 4: // mul
        m[d] = m[a]! * m[code[p + 3]!]!;
        break;
      case 5: // div
        m[d] = m[a]! / m[code[p + 3]!]!;
        break;
      case 6: // pow
        m[d] = Math.pow(m[a]!, m[code[p + 3]!]!);
        break;
      case 7: // lt
        m[d] = m[a]! < m[code[p + 3]!]! ? 1 : 0;
        break;
      case 8: // le
        m[d] = m[a]! <= m[code[p + 3]!]! ? 1 : 0;
        break;
      case 9: // gt
        m[d] = m[a]! > m[code[p + 3]!]! ? 1 : 0;
        break;
      case 10: // ge
        m[d] = m[a]! >= m[code[p + 3]!]! ? 1 : 0;
        break;
      case 11: // eq
        m[d] = m[a]! === m[code[p + 3]!]! ? 1 : 0;
        break;
      case 12: // ne
        m[d] = m[a]! !== m[code[p + 3]!]! ? 1 : 0;
        break;
      case 13: // exp
        m[d] = Math.exp(m[a]!);
        break;
      case 14: // log
        m[d] = Math.log(m[a]!);
        break;
      case 15: // sqrt
        m[d] = Math.sqrt(m[a]!);
        break;
      case 16: // abs
        m[d] = Math.abs(m[a]!);
        break;
      case 17: // min
        m[d] = Math.min(m[a]!, m[code[p + 3]!]!);
        break;
      case 18: // max
        m[d] = Math.max(m[a]!, m[code[p + 3]!]!);
        break;
      case 19: // select: if(cond, then, else); both branches were computed, neither has effects
        m[d] = m[a]! !== 0 ? m[code[p + 3]!]! : m[code[p + 4]!]!;
        break;
      // Fused pairs of arithmetic operations (compile/program.ts): two IEEE operations, one dispatch.
      case 20: // (a + b) + c
        m[d] = m[a]! + m[code[p + 3]!]! + m[code[p + 4]!]!;
        break;
      case 21: // (a + b) - c
        m[d] = m[a]! + m[code[p + 3]!]! - m[code[p + 4]!]!;
        break;
      case 22: // (a + b) * c
        m[d] = (m[a]! + m[code[p + 3]!]!) * m[code[p + 4]!]!;
        break;
      case 23: // (a + b) / c
        m[d] = (m[a]! + m[code[p + 3]!]!) / m[code[p + 4]!]!;
        break;
      case 24: // (a - b) + c
        m[d] = m[a]! - m[code[p + 3]!]! + m[code[p + 4]!]!;
        break;
      case 25: // (a - b) - c
        m[d] = m[a]! - m[code[p + 3]!]! - m[code[p + 4]!]!;
        break;
      case 26: // (a - b) * c
        m[d] = (m[a]! - m[code[p + 3]!]!) * m[code[p + 4]!]!;
        break;
      case 27: // (a - b) / c
        m[d] = (m[a]! - m[code[p + 3]!]!) / m[code[p + 4]!]!;
        break;
      case 28: // (a * b) + c
        m[d] = m[a]! * m[code[p + 3]!]! + m[code[p + 4]!]!;
        break;
      case 29: // (a * b) - c
        m[d] = m[a]! * m[code[p + 3]!]! - m[code[p + 4]!]!;
        break;
      case 30: // (a * b) * c
        m[d] = m[a]! * m[code[p + 3]!]! * m[code[p + 4]!]!;
        break;
      case 31: // (a * b) / c
        m[d] = (m[a]! * m[code[p + 3]!]!) / m[code[p + 4]!]!;
        break;
      case 32: // (a / b) + c
        m[d] = m[a]! / m[code[p + 3]!]! + m[code[p + 4]!]!;
        break;
      case 33: // (a / b) - c
        m[d] = m[a]! / m[code[p + 3]!]! - m[code[p + 4]!]!;
        break;
      case 34: // (a / b) * c
        m[d] = (m[a]! / m[code[p + 3]!]!) * m[code[p + 4]!]!;
        break;
      case 35: // (a / b) / c
        m[d] = m[a]! / m[code[p + 3]!]! / m[code[p + 4]!]!;
        break;
      case 36: // a + (b + c)
        m[d] = m[a]! + (m[code[p + 3]!]! + m[code[p + 4]!]!);
        break;
      case 37: // a - (b + c)
        m[d] = m[a]! - (m[code[p + 3]!]! + m[code[p + 4]!]!);
        break;
      case 38: // a * (b + c)
        m[d] = m[a]! * (m[code[p + 3]!]! + m[code[p + 4]!]!);
        break;
      case 39: // a / (b + c)
        m[d] = m[a]! / (m[code[p + 3]!]! + m[code[p + 4]!]!);
        break;
      case 40: // a + (b - c)
        m[d] = m[a]! + (m[code[p + 3]!]! - m[code[p + 4]!]!);
        break;
      case 41: // a - (b - c)
        m[d] = m[a]! - (m[code[p + 3]!]! - m[code[p + 4]!]!);
        break;
      case 42: // a * (b - c)
        m[d] = m[a]! * (m[code[p + 3]!]! - m[code[p + 4]!]!);
        break;
      case 43: // a / (b - c)
        m[d] = m[a]! / (m[code[p + 3]!]! - m[code[p + 4]!]!);
        break;
      case 44: // a + (b * c)
        m[d] = m[a]! + m[code[p + 3]!]! * m[code[p + 4]!]!;
        break;
      case 45: // a - (b * c)
        m[d] = m[a]! - m[code[p + 3]!]! * m[code[p + 4]!]!;
        break;
      case 46: // a * (b * c)
        m[d] = m[a]! * (m[code[p + 3]!]! * m[code[p + 4]!]!);
        break;
      case 47: // a / (b * c)
        m[d] = m[a]! / (m[code[p + 3]!]! * m[code[p + 4]!]!);
        break;
      case 48: // a + (b / c)
        m[d] = m[a]! + m[code[p + 3]!]! / m[code[p + 4]!]!;
        break;
      case 49: // a - (b / c)
        m[d] = m[a]! - m[code[p + 3]!]! / m[code[p + 4]!]!;
        break;
      case 50: // a * (b / c)
        m[d] = m[a]! * (m[code[p + 3]!]! / m[code[p + 4]!]!);
        break;
      case 51: // a / (b / c)
        m[d] = m[a]! / (m[code[p + 3]!]! / m[code[p + 4]!]!);
        break;
    }
  }
}
