import { describe, expect, it } from "vitest";
import { intersectionGroupKey, intersectionGroupLabel, intersectionKey, parseIntersectionGroupKey } from "./intersections";

describe("intersection keys", () => {
  it("joins columns with *", () => {
    expect(intersectionKey(["race", "sex"])).toBe("race*sex");
    expect(intersectionKey(["race", "sex", "age_cat"])).toBe("race*sex*age_cat");
  });

  it("keys a group by the JSON array of its values", () => {
    expect(intersectionGroupKey(["African-American", "Female"])).toBe('["African-American","Female"]');
  });

  it.each([
    [["a", "b"]],
    [["a,b", "c"]],
    [["a", "b,c"]],
    [["", ""]],
    [['say "hi"', "\\"]],
    [["x × y", "z"]],
    [["x", "y × z"]],
    [["*", "**"]],
    [["line\nbreak", "tab\t"]],
    [["Ünïcødé", "😀"]],
  ])("round-trips %j without ambiguity", (values) => {
    const key = intersectionGroupKey(values);
    expect(parseIntersectionGroupKey(key)).toEqual(values);
  });

  it("distinguishes values that a plain separator would confuse", () => {
    expect(intersectionGroupKey(["x × y", "z"])).not.toBe(intersectionGroupKey(["x", "y × z"]));
    expect(intersectionGroupLabel(intersectionGroupKey(["x × y", "z"]))).toBe("x × y × z");
  });

  it.each(["", "not json", "[]", '["a", 1]', '{"a":1}', '"a"'])("refuses %j as a group key", (key) => {
    expect(() => parseIntersectionGroupKey(key)).toThrow("is not an intersection group key (a JSON array of strings).");
  });
});
