/**
 * Batch Apex and Queueables: work that runs after the request that started it has answered.
 * A failed job is logged, as Setup → Apex Jobs would show it; `idle()` lets the preview stop
 * only once nothing is running.
 */
export class AsyncJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: (line: string) => void) {}

  enqueue(name: string, work: () => Promise<void>): void {
    const job = work()
      .catch((error: unknown) =>
        this.log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
