// Tests for joining paths onto the site's base.
import { describe, expect, it } from 'vitest';
import { joinBase } from '../../../src/lib/paths.ts';

describe('joining paths onto the base', () => {
  it('leaves paths alone at the root', () => {
    expect(joinBase('/', '/lessons/x/')).toBe('/lessons/x/');
  });
  it('prefixes paths under a course base, with or without its trailing slash', () => {
    expect(joinBase('/devops-course/', '/lessons/')).toBe('/devops-course/lessons/');
    expect(joinBase('/devops-course', 'lessons/')).toBe('/devops-course/lessons/');
  });
});
