import { describe, expect, it } from 'vitest';
import { userCacheDir } from './cache-dir.ts';

const home = () => '/home/ada';

describe('userCacheDir', () => {
  it("uses each system's own cache folder", () => {
    expect(userCacheDir({}, 'linux', home)).toBe('/home/ada/.cache/klarmeld');
    expect(userCacheDir({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', home)).toBe('/var/cache/ada/klarmeld');
    expect(userCacheDir({}, 'darwin', home)).toBe('/home/ada/Library/Caches/klarmeld');
    expect(userCacheDir({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', home)).toMatch(
      /^C:\\Users\\ada\\AppData\\Local[\\/]klarmeld[\\/]Cache$/,
    );
  });

  it('follows KLARMELD_CACHE_DIR, and "off" turns the cache off', () => {
    expect(userCacheDir({ KLARMELD_CACHE_DIR: '/tmp/k', XDG_CACHE_HOME: '/x' }, 'linux', home)).toBe('/tmp/k');
    expect(userCacheDir({ KLARMELD_CACHE_DIR: 'off' }, 'linux', home)).toBeUndefined();
  });

  it('has none when no home folder is known', () => {
    const none = () => {
      throw new Error('no home');
    };
    expect(userCacheDir({}, 'linux', none)).toBeUndefined();
    expect(userCacheDir({}, 'linux', () => '')).toBeUndefined();
  });
});
