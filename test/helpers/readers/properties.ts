// Java .properties through dot-properties (in process) and, for the interop run, through
// java.util.Properties itself: both must see the same values.
import { parse as parseProperties } from 'dot-properties';
import { javaRead } from './java.ts';
import { agree, tempFile, type Reader } from './tools.ts';

export const propertiesPackage: Reader = async (sources) =>
  Promise.resolve(sources.map((src) => Object.values(parseProperties(src)) as string[]));

export const propertiesWithJava: Reader = async (sources) => {
  const own = await propertiesPackage(sources);
  const viaJava = javaRead(sources.map((src) => tempFile('snippet.properties', src)));
  return own.map((list, i) =>
    agree('properties (dot-properties, java.util.Properties)', list, viaJava[i]!, sources[i]!),
  );
};
