import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

// Every hash in Attest is over these bytes, and scripts/audit-verify.mjs re-implements them:
// the expected strings are literals so that a change in form shows up as a failing test.
const cases: [string, unknown, string][] = [
  ["sorts object keys", { b: 1, a: 2 }, '{"a":2,"b":1}'],
  ["sorts nested keys, inside arrays too", { z: { y: 1, x: [{ b: 1, a: 2 }] }, a: null }, '{"a":null,"z":{"x":[{"a":2,"b":1}],"y":1}}'],
  ["sorts upper case before lower case", { a: 1, B: 2 }, '{"B":2,"a":1}'],
  ["sorts integer-like keys as strings, not numbers", { 10: "ten", 9: "nine", 1: "one" }, '{"1":"one","10":"ten","9":"nine"}'],
  ["sorts non-ASCII keys after ASCII", { é: 1, e: 2, z: 3 }, '{"e":2,"z":3,"é":1}'],
  // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FF61 by code unit (RFC 8785)
  // although it comes after it by code point.
  ["sorts keys by UTF-16 code unit", { "\uFF61": 1, "\u{1F600}": 2 }, '{"\u{1F600}":2,"\uFF61":1}'],
  ["writes no whitespace outside strings", { a: [1, 2, { b: true }], c: "x y" }, '{"a":[1,2,{"b":true}],"c":"x y"}'],
  ["escapes strings as JSON.stringify does", 'line\nbreak "q" \\ \u0001', String.raw`"line\nbreak \"q\" \\ \u0001"`],
  ["escapes a lone surrogate", "\uD800", String.raw`"\ud800"`],
  ["keeps non-ASCII text as is", "Chloé 😀", '"Chloé 😀"'],
  ["writes an integer", 1, "1"],
  ["writes a fraction", 1.5, "1.5"],
  ["writes -0 as 0", -0, "0"],
  ["writes a negative number", -42.25, "-42.25"],
  ["writes 1e21 in exponent form", 1e21, "1e+21"],
  ["writes 1e20 in full", 1e20, "100000000000000000000"],
  ["writes small numbers in exponent form", 5e-7, "5e-7"],
  ["writes the shortest round-trip form", 0.1 + 0.2, "0.30000000000000004"],
  ["writes booleans", [true, false], "[true,false]"],
  ["writes a date as ISO 8601 UTC with milliseconds", new Date(Date.UTC(2026, 0, 31, 9, 30)), '"2026-01-31T09:30:00.000Z"'],
  ["writes a date given with an offset in UTC", { at: new Date("2026-01-31T10:30:00.5+01:00") }, '{"at":"2026-01-31T09:30:00.500Z"}'],
  ["drops undefined members", { a: undefined, b: 1 }, '{"b":1}'],
  ["drops the only member when undefined", { a: undefined }, "{}"],
  ["keeps null members", { a: null }, '{"a":null}'],
  ["writes undefined array items as null", [1, undefined, null], "[1,null,null]"],
  ["writes holes in a sparse array as null", [, 1], "[null,1]"], // eslint-disable-line no-sparse-arrays
  ["writes empty containers", { a: {}, b: [] }, '{"a":{},"b":[]}'],
  ["writes top-level null", null, "null"],
];

describe("canonicalJson", () => {
  it.each(cases)("%s", (_, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  // What JSON cannot say exactly must not be hashed silently as something else.
  const unrepresentable: [string, unknown][] = [
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["NaN inside an object", { a: { b: NaN } }],
    ["Infinity inside an array", [1, Infinity]],
    ["a function", () => 1],
    ["a function member", { f() {} }],
    ["a bigint", 10n],
    ["a symbol", Symbol("x")],
    ["undefined at the top level", undefined],
  ];
  it.each(unrepresentable)("refuses %s", (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it("refuses an invalid date", () => {
    expect(() => canonicalJson(new Date(NaN))).toThrow(RangeError);
  });
});
