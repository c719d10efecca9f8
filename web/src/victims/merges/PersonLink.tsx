import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchPerson, victimsKeys } from '../api.ts';
import { personName } from '../persons/name.ts';
import { labelOf } from './logic.ts';

/** A person named as this reader may see them (an audited read, shared with the person page's cache). */
export function PersonLink({ id, testId }: { id: string; testId?: string }) {
  const person = useQuery({ queryKey: victimsKeys.person(id), queryFn: () => fetchPerson(id) });
  return (
    <Anchor
      component={Link}
      to={`/victims/persons/${id}`}
      size="sm"
      data-testid={testId}
      data-person-id={id}
      style={{ overflowWrap: 'anywhere' }}
    >
      {person.data
        ? labelOf({ pseudonym: person.data.pseudonym, name: personName(person.data) })
        : id.slice(0, 8)}
    </Anchor>
  );
}
