// Turning a saved mapping into editable assignments and back. A mapping field is either
// { source, default?, transform? } or { fixed }.

export function assignmentsFrom(billomatFields, savedFields) {
  const saved = savedFields || {};
  const assignments = {};
  billomatFields.forEach((field) => {
    const current = saved[field.name] || {};
    assignments[field.name] = {
      source: current.source || '',
      default: textOf(current.default),
      transform: current.transform || '',
      fixed: textOf(current.fixed),
    };
  });
  return assignments;
}

export function hasConflict(assignment) {
  return Boolean(assignment.source) && assignment.fixed !== '';
}

export function conflictingFields(assignments) {
  return Object.keys(assignments).filter((name) => hasConflict(assignments[name]));
}

/** The mapping fields the service expects; fields in conflict are left out. */
export function mappingFields(assignments) {
  const fields = {};
  Object.keys(assignments).forEach((name) => {
    const assignment = assignments[name];
    if (hasConflict(assignment)) {
      return;
    }
    if (assignment.source) {
      fields[name] = sourceField(assignment);
    } else if (assignment.fixed !== '') {
      fields[name] = { fixed: assignment.fixed };
    }
  });
  return fields;
}

export function sourceFieldNames(assignments) {
  const names = Object.values(assignments)
    .map((assignment) => assignment.source)
    .filter((source) => source);
  return [...new Set(names)];
}

function sourceField(assignment) {
  const field = { source: assignment.source };
  if (assignment.default !== '') {
    field.default = assignment.default;
  }
  if (assignment.transform) {
    field.transform = assignment.transform;
  }
  return field;
}

function textOf(value) {
  return value === undefined || value === null ? '' : String(value);
}
