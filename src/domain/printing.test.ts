import { describe, expect, it } from 'vitest';
import { certificateTypes } from '../../test/support/applications.js';
import {
  checkCertification,
  checkPrintable,
  checkSelfPrint,
  roundOffset,
  verificationUrl,
} from './printing.js';

const typeC = certificateTypes.get('C')!;
const typeB = certificateTypes.get('B')!;
const APPROVED = '2026-03-02T02:00:00.000Z';

describe('printing rules (DOMAIN.md sections 3 and 6)', () => {
  it('prints issued certificates only, and names the void ones with their replacement', () => {
    const issued = { certificateNumber: 'C262200000001', voidReason: null };
    for (const status of ['approved', 'printed', 'archived'] as const)
      expect(checkPrintable({ ...issued, status })).toStrictEqual({ ok: true });
    expect(
      checkPrintable({ status: 'under_review', certificateNumber: null, voidReason: null }),
    ).toMatchObject({ ok: false, code: 'not_issued' });
    const cancelled = checkPrintable({ ...issued, status: 'cancelled', voidReason: 'issued_in_error: typo' });
    expect(cancelled).toMatchObject({ ok: false, code: 'certificate_void' });
    expect(!cancelled.ok && cancelled.message.en).toContain('cancelled by customs');
    const amended = checkPrintable({ ...issued, status: 'amended', replacedByNumber: 'C262200000002' });
    expect(!amended.ok && amended.message.en).toContain('(by C262200000002)');
  });

  it('self-print: accepted by the type and destination, seal authorised no later than the approval', () => {
    const base = { type: typeC, destinationCountry: 'DE', approvedAt: APPROVED };
    expect(checkSelfPrint({ ...base, sealAuthorisedAt: '2026-03-02T01:00:00.000Z' })).toStrictEqual({
      ok: true,
    });
    expect(checkSelfPrint({ ...base, sealAuthorisedAt: APPROVED })).toStrictEqual({ ok: true });
    expect(checkSelfPrint({ ...base, sealAuthorisedAt: null })).toMatchObject({
      code: 'no_seal_authorisation',
    });
    expect(checkSelfPrint({ ...base, sealAuthorisedAt: '2026-03-02T02:00:00.001Z' })).toMatchObject({
      code: 'seal_authorised_after_approval',
    });
    // APTA (type B): selfPrint.accepted is false until members are known to accept it.
    expect(
      checkSelfPrint({ ...base, type: typeB, destinationCountry: 'IN', sealAuthorisedAt: null }),
    ).toMatchObject({ code: 'self_print_not_accepted' });
  });

  it('keeps offsets to a tenth of a millimetre and builds the verification link', () => {
    expect(roundOffset({ dx: 2.349, dy: -0.04 })).toStrictEqual({ dx: 2.3, dy: 0 });
    expect(roundOffset({ dx: -1.25, dy: 19.96 })).toStrictEqual({ dx: -1.2, dy: 20 });
    expect(verificationUrl('https://origo.example.cn/', 'RC26 22/1')).toBe(
      'https://origo.example.cn/verify?n=RC26%2022%2F1',
    );
  });

  it("needs the office seal in force at the approval and the approving officer's signature, none when automatic", () => {
    expect(checkCertification({ officeSealInForce: true, officerSignature: 'in_force' })).toStrictEqual({
      ok: true,
    });
    expect(checkCertification({ officeSealInForce: true, officerSignature: 'automatic' })).toStrictEqual({
      ok: true,
    });
    expect(checkCertification({ officeSealInForce: false, officerSignature: 'in_force' })).toMatchObject({
      code: 'no_office_seal',
    });
    expect(checkCertification({ officeSealInForce: true, officerSignature: 'missing' })).toMatchObject({
      code: 'no_officer_signature',
    });
  });
});
