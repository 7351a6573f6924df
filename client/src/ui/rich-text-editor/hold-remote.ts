import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';

/**
 * Asks the document behind the editor to hold others' changes while this editor composes a word through
 * the IME (Vietnamese Telex or VNI: a remote change mid-word breaks the composition), and releases them once
 * the composition has ended. `holdRemote` is asked at each composition, because the connection behind it may
 * change while the editor is open (the club gets shared); it returns the release, or null when nothing
 * arrives from elsewhere.
 */
export function holdRemoteWhileComposing(holdRemote: () => (() => void) | null) {
  let release: (() => void) | null = null;
  const end = () => {
    // After ProseMirror has read the committed text from the DOM.
    setTimeout(() => {
      release?.();
      release = null;
    }, 0);
  };
  return Extension.create({
    name: 'holdRemoteWhileComposing',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          props: {
            handleDOMEvents: {
              compositionstart: () => {
                release ??= holdRemote();
                return false;
              },
              compositionend: () => {
                end();
                return false;
              },
              blur: () => {
                end();
                return false;
              },
            },
          },
        }),
      ];
    },
    onDestroy() {
      release?.();
      release = null;
    },
  });
}
