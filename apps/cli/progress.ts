import { MultiBar, Presets, SingleBar } from 'cli-progress';

/** A progress bar on stderr when it is a terminal; silent otherwise, so piped output stays clean. */
export function progressBar(label: string): SingleBar {
  return new SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {file}`,
      stream: process.stderr,
      noTTYOutput: false,
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
}

export type { MultiBar };
