/**
 * Tarjan's strongly-connected-components algorithm, iterative so a long recursive chain of
 * equations cannot overflow the stack. With edges pointing from an equation to the equations it
 * reads, Tarjan emits each component after every component it depends on: that is solving order.
 *
 * @param n number of nodes
 * @param edges edges[i] lists the nodes i depends on
 * @returns components in dependency order (dependencies first); nodes inside a component ascending
 * @example
 * stronglyConnected(3, [[1], [0], []]) // [[2], [0, 1]] or [[0, 1], [2]] by dependency
 */
export function stronglyConnected(n: number, edges: ReadonlyArray<readonly number[]>): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    // Explicit call stack of (node, next edge position).
    const work: Array<[number, number]> = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, k] = frame;
      const deps = edges[v] ?? [];
      if (k < deps.length) {
        frame[1] = k + 1;
        const w = deps[k]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const component: number[] = [];
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
          if (w === v) break;
        }
        out.push(component.sort((a, b) => a - b));
      }
    }
  }
  return out;
}
