import { defineHandlers } from '../core/router'
import { registerFamily } from './register'
import { getFamily } from './read'
import { addMember, movePerson, updateFamily, updatePerson } from './update'

export const familyHandlers = defineHandlers({
  'families.register': registerFamily,
  'families.get': ({ id }, ctx) => getFamily(id, ctx),
  'families.update': updateFamily,
  'families.addMember': addMember,
  'people.update': updatePerson,
  'people.move': movePerson
})
