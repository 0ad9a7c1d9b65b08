/**
 * Speaks mongodump's formats both ways: reads directory dumps ({@link aom.migration.dump.DumpDirectoryReader}) and
 * {@code --archive} files, plain or gzipped ({@link aom.migration.dump.ArchiveReader}), as
 * {@link aom.migration.data.CollectionSource}s for the importer, and writes archives that mongorestore 100.x can
 * restore ({@link aom.migration.dump.ArchiveWriter}).
 *
 * <p>What a path is gets decided from its content by {@link aom.migration.dump.DumpFormat#detect}: a zip is a
 * bundle, the archive magic number (plain or inside gzip) is an archive, and a folder is a dump directory when it
 * (or one of its subfolders) directly holds {@code .bson}/{@code .bson.gz}/{@code .metadata.json[.gz]} files.
 * {@link aom.migration.dump.DumpContents#open} opens either kind; {@link aom.migration.dump.DumpContents#summary}
 * is what the importer's preview shows; {@link aom.migration.dump.DumpContents#inspect} reads a dump once for
 * {@code inspect} (every CRC-64 of an archive, every document's framing of a directory) without unpacking a gzipped
 * archive. Documents are never decoded on the way through.
 */
package aom.migration.dump;
