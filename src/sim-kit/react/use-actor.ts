// Runs one XState actor for the island's lifetime and re-renders on each snapshot (useSyncExternalStore), without @xstate/react's weight.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { createActor, type Actor, type AnyStateMachine, type EventFromLogic, type InputFrom, type SnapshotFrom } from 'xstate';

export function useActor<M extends AnyStateMachine>(machine: M, input: InputFrom<M>): [SnapshotFrom<M>, (event: EventFromLogic<M>) => void, Actor<M>] {
  // The actor is made once, from the first input; later setup changes reach it as events.
  const [actor] = useState(() => createActor(machine, { input }));
  useEffect(() => {
    actor.start();
    return () => {
      actor.stop();
    };
  }, [actor]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = actor.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [actor],
  );
  const read = useCallback(() => actor.getSnapshot() as SnapshotFrom<M>, [actor]);
  const snapshot = useSyncExternalStore(subscribe, read, read);
  const send = useCallback((event: EventFromLogic<M>) => actor.send(event), [actor]);
  return [snapshot, send, actor];
}
