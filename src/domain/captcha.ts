import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { normaliseReference } from './verification-input.js';

/**
 * The public page's captcha (ADR 0010): a self-hosted arithmetic question ("23 + 7 = ?") drawn as an SVG
 * of stroked paths (no text in the markup), with a stateless token `<id>.<expiry>.<mac>` where the mac is
 * HMAC-SHA256 over the id, the expiry and the answer. The server keeps no challenge, only the ids already
 * answered until they expire, so a token is good once per process. It slows scripted guessing down; the
 * invoice number (a shared secret) and the rate limits are what protect the certificates.
 */

export interface CaptchaChallenge {
  token: string;
  /** An SVG image (about 2 KB) of the question. */
  svg: string;
  expiresAt: string;
}

/** Why an answer was refused (field codes of the VALIDATION_FAILED error). */
export type CaptchaRefusal = 'captcha_invalid' | 'captcha_expired' | 'captcha_used';

export interface CaptchaOptions {
  /** The HMAC key: random per process, or shared by every server (ORIGO_CAPTCHA_SECRET). */
  secret: Buffer;
  ttlMs?: number;
  /** Bounds the memory of answered ids; beyond it the oldest are forgotten (and may be replayed). */
  maxRemembered?: number;
}

export class Captcha {
  private readonly secret: Buffer;
  private readonly ttlMs: number;
  private readonly maxRemembered: number;
  /** Answered ids and when they expire (Map keeps insertion order: oldest first). */
  private readonly answered = new Map<string, number>();

  constructor(options: CaptchaOptions) {
    this.secret = options.secret;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxRemembered = options.maxRemembered ?? 200_000;
  }

  /** A new question, its image and its token. */
  issue(now: Date): CaptchaChallenge {
    const subtract = randomInt(2) === 1;
    const left = randomInt(11, 50);
    const right = randomInt(1, 10);
    const answer = subtract ? left - right : left + right;
    const id = randomBytes(12).toString('base64url');
    const expires = now.getTime() + this.ttlMs;
    return {
      token: `${id}.${expires}.${this.mac(id, expires, String(answer))}`,
      svg: captchaSvg(`${left}${subtract ? '-' : '+'}${right}=?`),
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /** Checks an answer once: a right answer consumes the token. */
  check(
    token: string,
    typedAnswer: string,
    now: Date,
  ): { ok: true } | { ok: false; refusal: CaptchaRefusal } {
    const parts = /^([A-Za-z0-9_-]{16})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!parts) return { ok: false, refusal: 'captcha_invalid' };
    const [, id, expiryText, mac] = parts as unknown as [string, string, string, string];
    const expires = Number(expiryText);
    const answer = normaliseReference(typedAnswer).replace(/^0+(?=\d)/, '');
    if (!/^\d{1,3}$/.test(answer)) return { ok: false, refusal: 'captcha_invalid' };
    const expected = Buffer.from(this.mac(id, expires, answer));
    if (!timingSafeEqual(expected, Buffer.from(mac))) return { ok: false, refusal: 'captcha_invalid' };
    const nowMs = now.getTime();
    if (expires <= nowMs) return { ok: false, refusal: 'captcha_expired' };
    this.forgetExpired(nowMs);
    if (this.answered.has(id)) return { ok: false, refusal: 'captcha_used' };
    this.answered.set(id, expires);
    return { ok: true };
  }

  private mac(id: string, expires: number, answer: string): string {
    return createHmac('sha256', this.secret).update(`${id}.${expires}.${answer}`).digest('base64url');
  }

  private forgetExpired(nowMs: number): void {
    for (const [id, expires] of this.answered) {
      if (expires > nowMs && this.answered.size < this.maxRemembered) break;
      this.answered.delete(id);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Drawing: seven-segment-like glyphs on a 10 x 16 grid, each jittered and turned a little.

type Stroke = Array<[number, number]>;
const A: Stroke = [
  [0, 0],
  [10, 0],
];
const B: Stroke = [
  [10, 0],
  [10, 8],
];
const C: Stroke = [
  [10, 8],
  [10, 16],
];
const D: Stroke = [
  [0, 16],
  [10, 16],
];
const E: Stroke = [
  [0, 8],
  [0, 16],
];
const F: Stroke = [
  [0, 0],
  [0, 8],
];
const G: Stroke = [
  [0, 8],
  [10, 8],
];
const GLYPHS: Record<string, Stroke[]> = {
  '0': [A, B, C, D, E, F],
  '1': [B, C],
  '2': [A, B, G, E, D],
  '3': [A, B, G, C, D],
  '4': [F, G, B, C],
  '5': [A, F, G, C, D],
  '6': [A, F, G, E, D, C],
  '7': [A, B, C],
  '8': [A, B, C, D, E, F, G],
  '9': [A, B, C, D, F, G],
  '+': [
    [
      [5, 4],
      [5, 12],
    ],
    [
      [1, 8],
      [9, 8],
    ],
  ],
  '-': [
    [
      [1, 8],
      [9, 8],
    ],
  ],
  '=': [
    [
      [1, 6],
      [9, 6],
    ],
    [
      [1, 10],
      [9, 10],
    ],
  ],
  '?': [
    [
      [1, 3],
      [3, 0],
      [8, 0],
      [10, 3],
      [5, 8],
      [5, 12],
    ],
    [
      [5, 15],
      [5, 16],
    ],
  ],
};

const jitter = (amount: number) => (randomInt(2001) / 1000 - 1) * amount;

function captchaSvg(question: string): string {
  const width = 24 + question.length * 22;
  const height = 48;
  const paths: string[] = [];
  [...question].forEach((character, index) => {
    const angle = (jitter(14) * Math.PI) / 180;
    const scale = 1.6 + jitter(0.15);
    const originX = 14 + index * 22 + jitter(2);
    const originY = 10 + jitter(4);
    for (const stroke of GLYPHS[character] ?? []) {
      const points = stroke.map(([x, y]) => {
        const dx = (x - 5) * scale;
        const dy = (y - 8) * scale;
        const px = originX + 5 * scale + dx * Math.cos(angle) - dy * Math.sin(angle) + jitter(1);
        const py = originY + 8 * scale + dx * Math.sin(angle) + dy * Math.cos(angle) + jitter(1);
        return `${px.toFixed(1)} ${py.toFixed(1)}`;
      });
      paths.push(`M${points.join('L')}`);
    }
  });
  const noise = Array.from({ length: 5 }, () => {
    const y1 = randomInt(height);
    const y2 = randomInt(height);
    return `M0 ${y1}C${randomInt(width)} ${randomInt(height)} ${randomInt(width)} ${randomInt(height)} ${width} ${y2}`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="#f4f1e8"/>` +
    `<path d="${noise.join('')}" stroke="#b9b2a0" stroke-width="1.2" fill="none"/>` +
    `<path d="${paths.join('')}" stroke="#1d2b4f" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" fill="none"/>` +
    `</svg>`
  );
}
