import { useState, type DragEvent } from 'react';
import { filesFromDrop, type PickedFile } from '../platform';

/** What a screen that takes dropped files spreads on its root element. */
export interface FileDropTarget {
  onDragOver(event: DragEvent): void;
  onDragLeave(event: DragEvent): void;
  onDrop(event: DragEvent): void;
}

/**
 * Makes a screen a drop target for files and folders: `dragging` while
 * something is held over it, and `take` called with what was dropped.
 */
export function useFileDrop(take: (files: PickedFile[]) => Promise<void>): {
  dragging: boolean;
  target: FileDropTarget;
} {
  const [dragging, setDragging] = useState(false);
  const target: FileDropTarget = {
    onDragOver(event) {
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave(event) {
      // Leaving a child element is not leaving the screen.
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop(event) {
      event.preventDefault();
      setDragging(false);
      // The DataTransfer is read inside the handler: it is emptied afterwards.
      void filesFromDrop(event.dataTransfer).then(take);
    },
  };
  return { dragging, target };
}
