// Taro's page and app config macros are globals in real builds.
;(globalThis as Record<string, unknown>).definePageConfig = (c: unknown) => c
;(globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c
