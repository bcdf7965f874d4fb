// Shell through bash: `bash -n` for syntax, then the file is sourced with external commands
// replaced by functions that print their arguments NUL-separated (`tee`, and `curl --config -`,
// print their standard input too); `emit` prints its arguments the same way. Standard input holds
// one line, PASSWORD_FROM_ENV, for a snippet that reads the password with `read`. Every argument a
// command would get is one string in the result.
import { PASSWORD_FROM_ENV, run, tempFile, type Reader } from './tools.ts';

const STUBS = String.raw`
emit() { printf '%s\0' "$@" >&3; }
for c in postconf postmap postfix swaks s-nail apprise; do eval "$c() { printf '%s\\0' \"\$@\" >&3; }"; done
curl() {
  printf '%s\0' "$@" >&3
  case " $* " in *" --config - "* | *" -K - "*) { cat; printf '\0'; } >&3 ;; esac
}
tee() { { cat; printf '\0'; } >&3; }
`;

export const shell: Reader = async (sources) =>
  Promise.resolve(
    sources.map((src) => {
      const file = tempFile('snippet.sh', src);
      // Standard input from a file, not a pipe: a snippet that never reads it must not make bash fail.
      const input = tempFile('stdin.txt', `${PASSWORD_FROM_ENV}\n`);
      const out = run('bash', [
        '-c',
        `bash -n "$1" && { ${STUBS}\n. "$1" < "$2"; } 3>&1 >/dev/null`,
        'reader',
        file,
        input,
      ]);
      return out.split('\0').slice(0, -1);
    }),
  );
