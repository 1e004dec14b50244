/**
 * The agent's local frame store: every frame written atomically (temporary file, fsync, rename, fsync of the
 * folder) and indexed in SQLite with the store's epoch and a gap-free sequence number; recovery after a crash;
 * acknowledgements from the studio; retention that never deletes an unacknowledged frame unless told to, and pauses
 * capture with a reason when only unsynced frames remain. docs/camera-agent.md, "Local store", tells the whole story.
 */
package studio.timelapse.camera.store;
