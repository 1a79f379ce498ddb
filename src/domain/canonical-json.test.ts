import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON (the bytes audit hashes and signatures cover)', () => {
  it('gives the same text for equal objects whatever the order their keys were written in', () => {
    const written = { subjectId: 'ent-1', data: { version: 2, changedFields: ['nameEn'] }, seq: 7 };
    const rewritten = { seq: 7, data: { changedFields: ['nameEn'], version: 2 }, subjectId: 'ent-1' };
    expect(canonicalJson(rewritten)).toBe(canonicalJson(written));
    expect(canonicalJson(written)).toBe(
      '{"data":{"changedFields":["nameEn"],"version":2},"seq":7,"subjectId":"ent-1"}',
    );
  });

  it('sorts keys at every depth, inside arrays too, but keeps the order of array items', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: true, e: null }, [{ z: 0, y: [] }]], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"e":null,"f":true},[{"y":[],"z":0}]]},"b":1}',
    );
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
  });

  it('writes no whitespace and encodes scalars as JSON does', () => {
    expect(canonicalJson({ a: [true, false, null, 0, -1.5, 'x y'], b: {} })).toBe(
      '{"a":[true,false,null,0,-1.5,"x y"],"b":{}}',
    );
    expect(canonicalJson('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });

  it('drops undefined object properties (at any depth) and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: { d: undefined, e: 2 } })).toBe(
      '{"b":[null,1],"c":{"e":2}}',
    );
    // So a property set to undefined hashes like one never set.
    expect(canonicalJson({ nameEn: 'X', fax: undefined })).toBe(canonicalJson({ nameEn: 'X' }));
  });

  it('keeps Chinese text as characters, in values and keys, and orders keys by UTF-16 code unit', () => {
    expect(canonicalJson({ nameZh: '上海海关', 地址: '浦东新区' })).toBe(
      '{"nameZh":"上海海关","地址":"浦东新区"}',
    );
    expect(canonicalJson({ 海: 1, 上: 2, z: 3 })).toBe('{"z":3,"上":2,"海":1}');
    expect(canonicalJson({ name: '宁波港（集团）有限公司' })).not.toBe(
      canonicalJson({ name: '宁波港(集团)有限公司' }),
    );
  });

  it('refuses numbers JSON cannot carry, wherever they are', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ value: Number.NaN })).toThrow('canonicalJson: non-finite number');
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
    expect(() => canonicalJson({ a: { b: [Number.NEGATIVE_INFINITY] } })).toThrow(TypeError);
  });

  it('refuses values that have no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ amount: 10n })).toThrow(TypeError);
    expect(() => canonicalJson({ callback: () => undefined })).toThrow(TypeError);
  });

  // Only plain data is encoded: a Date, Map or Set would otherwise all become "{}" and share a hash.
  it('never gives two different dates the same text', () => {
    const encode = (value: unknown) => {
      try {
        return canonicalJson(value);
      } catch (error) {
        return error instanceof TypeError ? 'refused' : 'unexpected error';
      }
    };
    const first = encode({ shippedOn: new Date('2026-01-05T00:00:00.000Z') });
    const second = encode({ shippedOn: new Date('2027-06-30T00:00:00.000Z') });
    expect(first === 'refused' || first !== second).toBe(true);
  });
});
