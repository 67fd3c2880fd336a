// better-sqlite3-multiple-ciphers has better-sqlite3's API, but its package "exports" hide its own
// typings from TypeScript's Node resolution; better-sqlite3's typings describe the same API.
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an `export =` module
  import Database = require('better-sqlite3')
  export = Database
}
