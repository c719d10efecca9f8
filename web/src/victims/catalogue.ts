import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchCatalogue, victimsKeys } from './api.ts';
import { useVictimLabels } from './labels.ts';
import type { Catalogue } from './schema.ts';

// The HTCDS 2.0 catalogue (GET /api/victims/catalogue) gives every picklist's values, so the forms
// offer exactly what the server accepts, Jaring's extension values (ForcedCriminality) included.

export const useCatalogue = () =>
  useQuery({ queryKey: victimsKeys.catalogue, queryFn: fetchCatalogue, staleTime: Number.POSITIVE_INFINITY });

export function valuesOf(catalogue: Catalogue | undefined, field: string): string[] {
  const entry = catalogue?.fields.find((f) => f.field === field);
  return entry ? [...(entry.values ?? []), ...(entry.extensionValues ?? [])] : [];
}

export type Option = { value: string; label: string };

/** A picklist's options, labelled in the interface language, in the catalogue's order. */
export function useOptions(field: string): Option[] {
  const catalogue = useCatalogue();
  const labels = useVictimLabels();
  return useMemo(
    () => valuesOf(catalogue.data, field).map((value) => ({ value, label: labels.value(field, value) })),
    [catalogue.data, field, labels],
  );
}
