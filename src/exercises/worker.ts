// The checking worker: one per check, terminated by the page when the learner's code runs too long.
// Nothing the learner writes ever runs on the page's thread.
import { checkCode, checkMistake } from "./check.ts";
import { loadExercise } from "./load.ts";
import { errorText, messages } from "./messages.ts";
import { capVerdict, type CheckReply, type CheckRequest } from "./protocol.ts";
import type { Verdict } from "./types.ts";

interface WorkerScope {
  postMessage(message: CheckReply): void;
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
// Captured before any learner code runs, so that replacing self.postMessage can't fake a verdict.
const post = scope.postMessage.bind(scope);

scope.onmessage = (event) => {
  scope.onmessage = null; // one check per worker
  void handle(event.data);
};

async function handle(request: CheckRequest): Promise<void> {
  const { nonce } = request;
  const reply = (verdict: Verdict): void => post({ type: "verdict", nonce, verdict: capVerdict(verdict) });
  let exercise;
  try {
    exercise = await loadExercise(request.lesson, request.id);
  } catch (e) {
    reply({ status: "exercise-error", message: messages.exerciseError(errorText(e)) });
    return;
  }
  post({ type: "started", nonce });
  try {
    reply(request.mistake === undefined ? await checkCode(request.code, exercise) : checkMistake(exercise, request.mistake));
  } catch (e) {
    reply({ status: "exercise-error", message: messages.exerciseError(`checking failed (${errorText(e)})`) });
  }
}
