/** Reports how far a load or an import has got: (done, total, label of the step). */
export type Progress = (done: number, total: number, label: string) => void;
