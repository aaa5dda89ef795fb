import { describe, expect, it } from 'vitest';
import { allTo, canaryWeights, evenSplit, largestRemainder, roundedPercents, setPercent } from './weights';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('roundedPercents', () => {
  it('keeps exact shares and rounds the rest to integers summing to 100', () => {
    expect(roundedPercents([90, 10])).toEqual([90, 10]);
    expect(roundedPercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(roundedPercents([2, 1])).toEqual([67, 33]);
    expect(roundedPercents([999, 1])).toEqual([100, 0]);
    expect(sum(roundedPercents([7, 13, 29, 51, 3]))).toBe(100);
  });

  it('is all zero when every weight is zero', () => {
    expect(roundedPercents([0, 0])).toEqual([0, 0]);
  });
});

describe('largestRemainder', () => {
  it('breaks ties towards the earlier entry', () => {
    expect(largestRemainder([50 / 3, 50 / 3, 50 / 3], 50)).toEqual([17, 17, 16]);
  });
});

describe('evenSplit', () => {
  it('splits 100 over all entries', () => {
    expect(evenSplit([90, 10])).toEqual([50, 50]);
    expect(evenSplit([1, 0, 0])).toEqual([34, 33, 33]);
    expect(evenSplit([0, 0, 0, 0])).toEqual([25, 25, 25, 25]);
  });

  it('keeps locked entries and splits what is left', () => {
    expect(evenSplit([70, 20, 10], new Set([0]))).toEqual([70, 15, 15]);
    expect(evenSplit([60, 30, 10], new Set([0, 1]))).toEqual([60, 30, 10]);
  });
});

describe('allTo', () => {
  it('gives 100 to one entry', () => {
    expect(allTo(3, 1)).toEqual([0, 100, 0]);
  });
});

describe('setPercent', () => {
  it('moves the rest to the other entry of two', () => {
    expect(setPercent([90, 10], 1, 50)).toEqual([50, 50]);
    expect(setPercent([90, 10], 0, 75)).toEqual([75, 25]);
  });

  it('spreads the rest in proportion over the unlocked others', () => {
    expect(setPercent([50, 30, 20], 0, 0)).toEqual([0, 60, 40]);
    expect(sum(setPercent([33, 33, 34], 0, 10))).toBe(100);
  });

  it('keeps locked entries and clamps the value to what they leave', () => {
    expect(setPercent([40, 40, 20], 0, 70, new Set([2]))).toEqual([70, 10, 20]);
    expect(setPercent([40, 40, 20], 0, 95, new Set([2]))).toEqual([80, 0, 20]);
  });

  it('changes only the entry when every other one is locked', () => {
    expect(setPercent([40, 60], 0, 10, new Set([1]))).toEqual([10, 60]);
  });

  it('starts from an even split when every weight is zero', () => {
    expect(setPercent([0, 0, 0], 0, 50)).toEqual([50, 25, 25]);
  });
});

describe('canaryWeights', () => {
  it('is the canary percent and its complement', () => {
    expect(canaryWeights(5)).toEqual({ stable: 95, canary: 5 });
    expect(canaryWeights(100)).toEqual({ stable: 0, canary: 100 });
    expect(canaryWeights(150)).toEqual({ stable: 0, canary: 100 });
  });
});
